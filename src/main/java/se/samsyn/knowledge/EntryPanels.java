package se.samsyn.knowledge;

import java.util.List;

/**
 * Implemented by other modules, as Spring beans, to add a panel of their own to an entry's page in
 * the guide, such as the trials a tool has been through. The guide collects every such bean and
 * shows their panels after "Used in Samsyn"; it knows nothing else of the modules (they depend on
 * the guide, never the other way). A panel shows what the public may see: the entry page is public.
 */
public interface EntryPanels {

    /** The panels for the entry with this slug; empty when the module has nothing to show. Never null. */
    List<EntryPanel> panelsFor(String entrySlug);
}
