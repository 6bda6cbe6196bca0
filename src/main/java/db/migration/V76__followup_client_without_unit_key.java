package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Follow-up only: drops the foreign key from {@code fup_client (municipality_code, unit_code)} to
 * {@code org_unit}, which crossed a module prefix against ADR 3. Follow-up checks in code that a
 * client's unit exists (a client is always created in the signed-in user's unit, looked up through
 * {@code Organisation.unit}), and units are never deleted, only deactivated.
 *
 * <p>The key was declared without a name in V4, so its name differs between H2
 * ({@code CONSTRAINT_…}) and PostgreSQL ({@code fup_client_municipality_code_unit_code_fkey}); this
 * migration is written in Java to look the name up in the JDBC metadata on either database.
 */
public class V76__followup_client_without_unit_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Set<String> keys = new LinkedHashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        for (String table : new String[] {"fup_client", "FUP_CLIENT"}) {
            try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), null, table)) {
                while (rs.next()) {
                    // every key to a table outside follow-up's prefix: the one into organisation's units
                    if (!rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT).startsWith("fup_")) {
                        keys.add(rs.getString("FK_NAME"));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String key : keys) {
                statement.execute("ALTER TABLE fup_client DROP CONSTRAINT \"" + key + "\"");
            }
        }
    }
}
