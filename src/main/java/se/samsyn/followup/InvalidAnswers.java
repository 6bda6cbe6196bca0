package se.samsyn.followup;

/** Item answers that do not fit the instrument they were given for. */
public class InvalidAnswers extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String COUNT = "followup.answers.count";
    static final String RANGE = "followup.answers.range";

    private final String messageKey;
    private final int item;

    InvalidAnswers(String messageKey, int item) {
        super(item == 0 ? messageKey : messageKey + " (item " + item + ")");
        this.messageKey = messageKey;
        this.item = item;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The 1-based position of the wrong answer, or 0 when the number of answers was wrong. */
    public int item() {
        return item;
    }
}
