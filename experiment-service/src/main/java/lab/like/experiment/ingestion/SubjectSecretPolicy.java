package lab.like.experiment.ingestion;

import lab.like.experiment.config.LikeLabProperties;

/** The subject secret must be set to a real value in production. */
public final class SubjectSecretPolicy {

    private SubjectSecretPolicy() {}

    public static void check(String secret, boolean production) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("likelab.subject-secret (LIKELAB_SUBJECT_SECRET) must be set");
        }
        if (production && (LikeLabProperties.DEVELOPMENT_SECRET.equals(secret) || secret.length() < 16)) {
            throw new IllegalStateException("the prod profile refuses the development subject secret: set "
                    + "LIKELAB_SUBJECT_SECRET to a random value of at least 16 characters");
        }
    }
}
