package se.samsyn.comparison.kolada;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.comparison.kolada.KoladaRecords.FetchResult;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.shared.Actor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches chosen KPIs, their metadata and their values for given years, from Kolada's public API
 * ({@code samsyn.kolada.base-url}, by default v3), and imports them through the same path as
 * uploaded files: metadata and values together, all-or-nothing. Kolada takes at most
 * {@link #MAX_IDS_PER_SEGMENT} ids in a path segment, so longer KPI and year lists are split into
 * several requests. Every page is read, following {@code next_url} (v3) or {@code next_page}
 * (v2), before anything is imported: a fetch that fails on any page stores nothing. Rows that
 * Kolada v3 marks deleted ({@code is_deleted}/{@code isdeleted} true, on a data item or on one of
 * its values) are left out. The result says how many pages and rows were read.
 */
@Service
class KoladaConnector {

    static final int MAX_PAGES = 500;
    /** The most ids Kolada's API accepts in one path segment. */
    static final int MAX_IDS_PER_SEGMENT = 25;

    private final KoladaImport importer;
    private final KoladaQueries queries;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    KoladaConnector(KoladaImport importer, KoladaQueries queries, AuditTrail audit, TransactionTemplate transactions,
                    @Value("${samsyn.kolada.base-url:https://api.kolada.se/v3}") String baseUrl,
                    @Value("${samsyn.kolada.timeout:30s}") Duration timeout) {
        this.importer = importer;
        this.queries = queries;
        this.audit = audit;
        this.transactions = transactions;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The base URL of Kolada's API, without a trailing slash, for example {@code https://api.kolada.se/v3}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Fetches and imports the KPIs for the years; nothing is stored when either part is rejected or on a dry run. */
    public FetchResult fetch(Actor actor, Set<String> kpiIds, Set<Integer> years, boolean dryRun) {
        KoladaAccess.requireImporter(actor);
        List<String> ids = List.copyOf(KoladaParameters.ids(String.join(",", kpiIds), KoladaImportApi.KPI_LIST, "kpi"));
        List<String> yearValues = KoladaParameters.years(years.stream().map(String::valueOf)
                .collect(Collectors.joining(","))).stream().map(String::valueOf).toList();
        String idList = String.join(",", ids);
        String yearList = String.join(",", yearValues);
        Reading metadata = new Reading();
        Reading values = new Reading();
        try {
            for (List<String> kpis : chunks(ids)) {
                String kpiSegment = String.join(",", kpis);
                metadata.readAll(baseUrl + "/kpi/" + kpiSegment);
                for (List<String> yearChunk : chunks(yearValues)) {
                    values.readAll(baseUrl + "/data/kpi/" + kpiSegment + "/year/" + String.join(",", yearChunk));
                }
            }
        } catch (KoladaUnreachable e) {
            transactions.executeWithoutResult(tx -> audit.record(AuditRecord.of("KOLADA_FETCH",
                    AuditCategory.ADMINISTRATION).actor(actor).outcome(AuditOutcome.FAILURE)
                    .object("kolada-fetch", idList.length() > 100 ? idList.substring(0, 100) : idList)
                    .details("years=" + yearList + "; pages=" + (metadata.pages + values.pages) + "; "
                            + e.messageKey()).build()));
            throw e;
        }
        byte[] metadataBytes = metadata.document();
        byte[] valueBytes = values.document();
        FetchResult result = transactions.execute(tx -> {
            ImportResult m = importer.runChecked(actor, "kolada-api/kpi/" + idList, KoladaImport.Format.JSON,
                    new ByteArrayInputStream(metadataBytes), dryRun);
            ImportResult v = m.rejected() ? null : importer.runChecked(actor, "kolada-api/data/kpi/" + idList
                    + "/year/" + yearList, KoladaImport.Format.JSON, new ByteArrayInputStream(valueBytes), dryRun);
            if (dryRun || m.rejected() || (v != null && v.rejected())) {
                tx.setRollbackOnly();
            }
            return new FetchResult(m, v, metadata.pages + values.pages, values.rows, values.deleted);
        });
        queries.invalidate();
        return result;
    }

    /** The list in consecutive parts of at most {@link #MAX_IDS_PER_SEGMENT}. */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX_IDS_PER_SEGMENT) {
            chunks.add(all.subList(i, Math.min(all.size(), i + MAX_IDS_PER_SEGMENT)));
        }
        return chunks;
    }

    /** Whether Kolada marks a data item or value deleted. */
    static boolean deleted(JsonNode node) {
        for (String field : List.of("is_deleted", "isdeleted", "isDeleted")) {
            JsonNode flag = node.get(field);
            if (flag != null && (flag.asBoolean(false) || "1".equals(flag.asString("")) || flag.asInt(0) == 1)) {
                return true;
            }
        }
        return false;
    }

    /** The items of every page of one or more Kolada lists, with the pages and rows read and the rows left out. */
    private final class Reading {
        private final ArrayNode values = json.createArrayNode();
        private int pages;
        private long rows;
        private long deleted;

        /** Reads every page of a Kolada list, following next_url (v3) or next_page (v2). */
        void readAll(String firstUrl) {
            String url = firstUrl;
            URI base = URI.create(baseUrl);
            for (int page = 0; url != null; page++) {
                if (page >= MAX_PAGES) {
                    throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.answer", null);
                }
                JsonNode body = get(url);
                pages++;
                JsonNode pageValues = body.get("values");
                if (pageValues == null || !pageValues.isArray()) {
                    throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.answer", null);
                }
                pageValues.forEach(this::add);
                url = link(body, "next_url");
                if (url == null) {
                    url = link(body, "next_page");
                }
                if (url != null) {
                    URI nextUri = URI.create(url);
                    if (!base.getScheme().equals(nextUri.getScheme())
                            || !base.getAuthority().equals(nextUri.getAuthority())) {
                        throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.answer", null);
                    }
                }
            }
        }

        private void add(JsonNode item) {
            JsonNode cells = item.get("values");
            if (cells == null || !cells.isArray()) {
                values.add(item);
                return;
            }
            rows += cells.size();
            if (deleted(item)) {
                deleted += cells.size();
                return;
            }
            ArrayNode live = json.createArrayNode();
            for (JsonNode cell : cells) {
                if (deleted(cell)) {
                    deleted++;
                } else {
                    live.add(cell);
                }
            }
            if (!live.isEmpty()) {
                ObjectNode copy = ((ObjectNode) item).deepCopy();
                copy.set("values", live);
                values.add(copy);
            }
        }

        private static String link(JsonNode body, String field) {
            JsonNode next = body.get(field);
            return next == null || next.isNull() || next.asString("").isBlank() ? null : next.asString();
        }

        byte[] document() {
            ObjectNode combined = json.createObjectNode();
            combined.set("values", values);
            combined.put("count", values.size());
            return json.writeValueAsBytes(combined);
        }
    }

    private JsonNode get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").header("User-Agent", "Samsyn").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.unreachable", e);
        }
        if (response.statusCode() != 200) {
            throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.status", null);
        }
        try {
            return json.readTree(new String(response.body(), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.answer", e);
        }
    }

    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (String s : list.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
