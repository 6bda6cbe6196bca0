package se.samsyn.platform.internal;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import se.samsyn.shared.SwedishNumbers;

/**
 * Numbers and dates for pages: templates call {@code ${@figures.count(n)}},
 * {@code ${@figures.decimal(x, 1)}}, {@code ${@figures.value(x)}}, {@code ${@figures.percent(x)}} and
 * {@code ${@figures.date(d)}}. Every method hands over to {@link SwedishNumbers}, the one formatter,
 * so pages and exports show the same digits; null gives "-".
 */
@Component("figures")
class Figures {

    /** See {@link SwedishNumbers#count(Number)}: a whole number, grouped by a no-break space. */
    public String count(Number value) {
        return SwedishNumbers.count(value);
    }

    /** See {@link SwedishNumbers#decimal(Number, int)}: exactly {@code decimals} digits after a comma. */
    public String decimal(Number value, int decimals) {
        return SwedishNumbers.decimal(value, decimals);
    }

    /** See {@link SwedishNumbers#value(Number)}: two decimals below 10 in size, one otherwise. */
    public String value(Number value) {
        return SwedishNumbers.value(value);
    }

    /** See {@link SwedishNumbers#measured(Number, String)}: whole numbers for counts and kronor. */
    public String measured(Number value, String unitCode) {
        return SwedishNumbers.measured(value, unitCode);
    }

    /** See {@link SwedishNumbers#percent(Number)}: one decimal and " %". */
    public String percent(Number value) {
        return SwedishNumbers.percent(value);
    }

    /** See {@link SwedishNumbers#date(LocalDate)}: {@code yyyy-MM-dd}. */
    public String date(LocalDate date) {
        return SwedishNumbers.date(date);
    }
}
