package se.samsyn.competence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's fields as text, the way a row of the HR export, the form and the API give them; the
 * register checks them with one rule. Lists use the import's notation (README, "Competence"):
 * {@code degrees} as {@code socionom;behavioural-science[social-work+psychology]}, {@code trainings}
 * as {@code slug@YYYY-MM-DD;…}, {@code supplementary}, {@code tasks} and {@code titles} as codes
 * separated by {@code ;}. Dates are YYYY-MM-DD, {@code priorYears} a decimal with at most one decimal.
 */
public record StaffRow(String employeeNumber, String name, String role, String employment, String startDate,
                       String endDate, String priorYears, String degrees, String supplementary, String trainings,
                       String tasks, String titles) {

    /** The row under the import's column names. */
    public Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("employee_number", employeeNumber);
        m.put("name", name);
        m.put("role", role);
        m.put("employment", employment);
        m.put("start_date", startDate);
        m.put("end_date", endDate);
        m.put("prior_years", priorYears);
        m.put("degrees", degrees);
        m.put("supplementary", supplementary);
        m.put("trainings", trainings);
        m.put("tasks", tasks);
        m.put("titles", titles);
        return m;
    }
}
