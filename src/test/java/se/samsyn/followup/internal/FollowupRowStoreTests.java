package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.ImportType;

/** The key the store matches rows on is the key the API documents for each import type. */
class FollowupRowStoreTests {

    @Test
    void storesByTheKeyColumnsTheApiDocuments() {
        for (ImportType type : ImportType.values()) {
            assertThat(FollowupRowStore.keyColumns(type)).as(type.code()).isEqualTo(FollowupImport.keyColumns(type));
        }
        assertThat(FollowupImport.keyColumns(ImportType.EPISODES)).isEqualTo(List.of("focus_area", "start_date"));
        assertThat(FollowupImport.keyColumns(ImportType.NEEDS)).isEqualTo(List.of("assessed_on", "life_area"));
        assertThat(FollowupImport.keyColumns(ImportType.INTERVENTIONS))
                .isEqualTo(List.of("intervention_code", "start_date"));
        assertThat(FollowupImport.keyColumns(ImportType.MEASUREMENTS))
                .isEqualTo(List.of("instrument_code", "time_point", "measured_on"));
    }
}
