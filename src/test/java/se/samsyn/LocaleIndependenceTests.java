package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.IndicatorKind;
import se.samsyn.comparison.MeasureType;
import se.samsyn.comparison.MeasureUnit;
import se.samsyn.comparison.QualityDimension;
import se.samsyn.comparison.Template;
import se.samsyn.demo.SyntheticClients;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.ImportResult;
import se.samsyn.followup.ImportType;
import se.samsyn.followup.InvalidPersonalIdentityNumber;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.PersonalIdentityNumber;
import se.samsyn.followup.TimePoint;
import se.samsyn.followup.internal.TestPseudonyms;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.EntryType;
import se.samsyn.knowledge.EvidenceLevel;
import se.samsyn.knowledge.TargetGroup;
import se.samsyn.organisation.FocusArea;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.Severity;

/**
 * Identity, codes and numbers do not depend on the JVM's default locale. Turkish maps 'i' to a
 * dotted capital 'İ' and 'I' to a dotless 'ı'; Arabic (Saudi Arabia) formats numbers with
 * Arabic-Indic digits. A server with either default must give the same pseudonyms, read the same
 * codes and write the same files as one with {@link Locale#ROOT}.
 */
class LocaleIndependenceTests {

    private static final List<Locale> LOCALES = List.of(Locale.ROOT, Locale.forLanguageTag("tr-TR"),
            Locale.forLanguageTag("ar-SA"), Locale.forLanguageTag("sv-SE"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final byte[] KEY = new byte[32];

    private Locale original;

    @BeforeEach
    void remember() {
        original = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(original);
    }

    /** The value under every default locale in turn, the default restored afterwards. */
    private static <T> List<T> underEveryLocale(Supplier<T> value) {
        Locale before = Locale.getDefault();
        List<T> values = new ArrayList<>();
        try {
            for (Locale locale : LOCALES) {
                Locale.setDefault(locale);
                values.add(value.get());
            }
        } finally {
            Locale.setDefault(before);
        }
        return values;
    }

    @Test
    void theTestLocalesReallyDiffer() {
        // Guards the test itself: if these stop differing, the checks below prove nothing.
        assertThat(underEveryLocale(() -> String.format("%d", 42))).containsExactly("42", "42", "٤٢", "42");
        assertThat(underEveryLocale(() -> "valid".toUpperCase())).containsExactly("VALID", "VALİD", "VALID", "VALID");
        assertThat(underEveryLocale(() -> "INSTRUMENT".toLowerCase()))
                .containsExactly("instrument", "ınstrument", "instrument", "instrument");
    }

    @Test
    void givesEveryoneTheSamePseudonymWhateverTheDefaultLocale() {
        java.util.function.Function<PersonalIdentityNumber, String> pseudonymiser = TestPseudonyms.under(KEY);
        List<String> pseudonyms = underEveryLocale(() -> pseudonymiser.apply(PersonalIdentityNumber.parse(
                "811218-9876", TODAY)));
        List<String> coordination = underEveryLocale(() -> pseudonymiser.apply(PersonalIdentityNumber.parse(
                "8112789873", TODAY)));
        List<String> centenarian = underEveryLocale(() -> pseudonymiser.apply(PersonalIdentityNumber.parse(
                "261215+1239", TODAY)));

        // Python: hmac.new(bytes(32), b"198112189876", hashlib.sha256).hexdigest()
        assertThat(pseudonyms).hasSize(LOCALES.size())
                .containsOnly("bda52dec07fbabe6cd332b92e80fc47d8b2d3f854566520f5be77588892d0f4b");
        assertThat(coordination).containsOnly(coordination.get(0));
        assertThat(centenarian).containsOnly(centenarian.get(0));
        assertThat(underEveryLocale(() -> PersonalIdentityNumber.parse("261215+1239", TODAY).canonical()))
                .containsOnly("192612151239");
        assertThat(underEveryLocale(() -> PersonalIdentityNumber.parse("8112789873", TODAY).canonical()))
                .containsOnly("198112789873");
    }

    @Test
    void refusesNumbersWithTheSameReasonWhateverTheDefaultLocale() {
        List<String> inputs = List.of("19811218-9875", "00811218-9876", "810101-0000", "٨١١٢١٨-٩٨٧٦", "811218+987");
        List<String> keys = List.of("followup.pnr.checksum", "followup.pnr.century", "followup.pnr.birth-number",
                "followup.pnr.format", "followup.pnr.length");
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            assertThat(underEveryLocale(() -> catchThrowableOfType(InvalidPersonalIdentityNumber.class,
                    () -> PersonalIdentityNumber.parse(input, TODAY)).messageKey())).as(input).containsOnly(keys.get(i));
        }
    }

    @Test
    void readsCodesWrittenInCapitalsTheSameWhateverTheDefaultLocale() {
        assertThat(underEveryLocale(() -> EntryType.fromCode("INSTRUMENT"))).containsOnly(Optional.of(EntryType.INSTRUMENT));
        assertThat(underEveryLocale(() -> FocusArea.fromCode("DISABILITY"))).containsOnly(Optional.of(FocusArea.DISABILITY));
        assertThat(underEveryLocale(() -> FocusArea.fromCode("VIOLENCE"))).containsOnly(Optional.of(FocusArea.VIOLENCE));
        assertThat(underEveryLocale(() -> TargetGroup.fromCode("CHILDREN"))).containsOnly(Optional.of(TargetGroup.CHILDREN));
        assertThat(underEveryLocale(() -> EntryStatus.fromCode("archived"))).containsOnly(Optional.of(EntryStatus.ARCHIVED));
        assertThat(underEveryLocale(() -> EntryStatus.fromCode("draft"))).containsOnly(Optional.of(EntryStatus.DRAFT));
        assertThat(underEveryLocale(() -> EntryStatus.ARCHIVED.code())).containsOnly("archived");
    }

    @Test
    void readsBackEveryCodeItWritesWhateverTheDefaultLocale() throws Exception {
        List<Class<? extends Enum<?>>> coded = List.of(FocusArea.class, ImportType.class, EndReason.class,
                GoalStatus.class, LifeArea.class, TimePoint.class, EntryType.class, EntryStatus.class,
                EvidenceLevel.class, TargetGroup.class, IndicatorKind.class, Template.class, Direction.class,
                MeasureType.class, MeasureUnit.class, QualityDimension.class, ProcessStatus.class, CostLevel.class,
                Severity.class, Benefit.class, Certainty.class, PriorityMode.class);
        for (Class<? extends Enum<?>> type : coded) {
            Method code = type.getMethod("code");
            Method fromCode = type.getMethod("fromCode", String.class);
            for (Enum<?> value : type.getEnumConstants()) {
                List<Object> read = underEveryLocale(() -> {
                    try {
                        return fromCode.invoke(null, code.invoke(value));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(read).as("%s.%s", type.getSimpleName(), value).containsOnly(Optional.of(value));
            }
        }
    }

    @Test
    void auditsImportStatusWordsInTheSameCapitalsWhateverTheDefaultLocale() {
        for (String status : List.of("valid", "rejected", "imported")) {
            ImportResult result = new ImportResult(status, 0, 0, 0, 0, List.of(), 0);
            assertThat(underEveryLocale(result::auditAction)).containsOnly("IMPORT_" + status.toUpperCase(Locale.ROOT));
        }
        assertThat(new ImportResult("valid", 0, 0, 0, 0, List.of(), 0).auditAction()).isEqualTo("IMPORT_VALID");
    }

    @Test
    void writesImportFilesWithAsciiDigitsAndDecimalPointsWhateverTheDefaultLocale() {
        for (ImportType type : ImportType.values()) {
            List<String> files = underEveryLocale(() -> {
                StringWriter out = new StringWriter();
                try {
                    SyntheticClients.write(type, out, "1280-DEMO", 40, 7, TODAY);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return out.toString();
            });
            assertThat(files).as(type.code()).containsOnly(files.get(0));
            // Only ASCII: no Arabic-Indic digits, no Arabic decimal separator, no dotted or dotless i.
            assertThat(files.get(0)).as(type.code()).matches("[\\x00-\\x7F]*").doesNotContain("٫");
            String[] firstRow = files.get(0).split("\n")[1].split(",", -1);
            assertThat(firstRow[0]).as(type.code()).matches("(18|19|20)[0-9]{10}");
            assertThat(PersonalIdentityNumber.parse(firstRow[0], TODAY).canonical()).isEqualTo(firstRow[0]);
        }
    }
}
