package uk.putitright.complaint;

/** The decision a Stage 1 or Stage 2 response gives on the complaint (the Code's "upheld or not"). */
public enum Outcome {
    UPHELD,
    PARTLY_UPHELD,
    NOT_UPHELD
}
