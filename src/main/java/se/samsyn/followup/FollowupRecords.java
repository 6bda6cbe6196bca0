package se.samsyn.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records follow-up shows and returns; never the personal identity number. */
public final class FollowupRecords {

    private FollowupRecords() {
    }

    public record Client(long id, String municipalityCode, String unitCode, int birthYear, String legalSex,
                         Instant createdAt) {
    }

    public record Episode(long id, String focusArea, LocalDate startDate, LocalDate endDate) {
    }

    public record Need(long id, LocalDate assessedOn, LifeArea lifeArea, int level, String goal, GoalStatus goalStatus) {
    }

    public record Intervention(long id, String interventionCode, String interventionName, LocalDate startDate,
                               LocalDate endDate, EndReason endReason) {
    }

    public record Measurement(long id, String instrumentCode, LocalDate measuredOn, TimePoint timePoint, double score) {
    }

    /** Everything recorded about one client in one unit. */
    public record ClientFile(Client client, List<Episode> episodes, List<Need> needs, List<Intervention> interventions,
                             List<Measurement> measurements) {
    }

    public record InterventionType(String code, String nameSv, String nameEn, List<String> focusAreas,
                                   String guideEntry, boolean active) {
    }

    public record InstrumentItem(int number, String textSv, String textEn, int min, int max) {
    }

    public record Instrument(String code, String nameSv, String nameEn, ScoringRule scoring,
                             double multiplier, double scoreMin, double scoreMax, boolean higherIsBetter,
                             double minimalImportantDifference, String source, List<InstrumentItem> items) {
    }
}
