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
 * ({@code samsyn.kolada.base-url}), following {@code next_page}, and imports them through the
 * same path as uploaded files: metadata and values together, all-or-nothing.
 */
@Service
class KoladaConnector {

    static final int MAX_PAGES = 500;

    private final KoladaImport importer;
    private final KoladaQueries queries;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    KoladaConnector(KoladaImport importer, KoladaQueries queries, AuditTrail audit, TransactionTemplate transactions,
                    @Value("${samsyn.kolada.base-url:https://api.kolada.se/v2}") String baseUrl,
                    @Value("${samsyn.kolada.timeout:30s}") Duration timeout) {
        this.importer = importer;
        this.queries = queries;
        this.audit = audit;
        this.transactions = transactions;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Fetches and imports the KPIs for the years; nothing is stored when either part is rejected or on a dry run. */
    public FetchResult fetch(Actor actor, Set<String> kpiIds, Set<Integer> years, boolean dryRun) {
        KoladaAccess.requireImporter(actor);
        String ids = String.join(",", KoladaApi.ids(String.join(",", kpiIds), KoladaImportApi.KPI_LIST, "kpi"));
        String yearList = KoladaApi.years(years.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .stream().map(String::valueOf).collect(Collectors.joining(","));
        byte[] metadata;
        byte[] values;
        try {
            metadata = all(baseUrl + "/kpi/" + ids);
            values = all(baseUrl + "/data/kpi/" + ids + "/year/" + yearList);
        } catch (KoladaUnreachable e) {
            transactions.executeWithoutResult(tx -> audit.record(AuditRecord.of("KOLADA_FETCH",
                    AuditCategory.ADMINISTRATION).actor(actor).outcome(AuditOutcome.FAILURE)
                    .object("kolada-fetch", ids.length() > 100 ? ids.substring(0, 100) : ids)
                    .details("years=" + yearList + "; " + e.messageKey()).build()));
            throw e;
        }
        FetchResult result = transactions.execute(tx -> {
            ImportResult m = importer.runChecked(actor, "kolada-api/kpi/" + ids, KoladaImport.Format.JSON,
                    new ByteArrayInputStream(metadata), dryRun);
            ImportResult v = m.rejected() ? null : importer.runChecked(actor, "kolada-api/data/kpi/" + ids + "/year/"
                    + yearList, KoladaImport.Format.JSON, new ByteArrayInputStream(values), dryRun);
            if (dryRun || m.rejected() || (v != null && v.rejected())) {
                tx.setRollbackOnly();
            }
            return new FetchResult(m, v);
        });
        queries.invalidate();
        return result;
    }

    /** Reads every page of a Kolada list and returns one {@code {"values":[...]}} document. */
    private byte[] all(String firstUrl) {
        ObjectNode combined = json.createObjectNode();
        ArrayNode values = combined.putArray("values");
        String url = firstUrl;
        URI base = URI.create(baseUrl);
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            JsonNode body = get(url);
            JsonNode pageValues = body.get("values");
            if (pageValues == null || !pageValues.isArray()) {
                throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.answer", null);
            }
            pageValues.forEach(values::add);
            JsonNode next = body.get("next_page");
            url = next == null || next.isNull() || next.asString().isBlank() ? null : next.asString();
            if (url != null) {
                URI nextUri = URI.create(url);
                if (!base.getScheme().equals(nextUri.getScheme()) || !base.getAuthority().equals(nextUri.getAuthority())) {
                    throw new KoladaUnreachable(baseUrl, "kolada.fetch.error.answer", null);
                }
            }
        }
        combined.put("count", values.size());
        return json.writeValueAsBytes(combined);
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
