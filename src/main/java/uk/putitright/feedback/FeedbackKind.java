package uk.putitright.feedback;

/** What the person is telling us: praise for someone, or a comment on a service. */
public enum FeedbackKind {
    COMPLIMENT,
    COMMENT
}
