package lab.like.experiment.registry;

import java.util.regex.Pattern;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.identity.Caller;

/** Which organisation a new experiment belongs to: an ADMIN names it, anyone else gets their own. */
final class OwningOrganisation {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private OwningOrganisation() {}

    /** {@code named}: the organisation the body names, null for none. */
    static String of(Caller caller, String named) {
        if (caller.isAdmin()) {
            if (named == null || !SLUG.matcher(named).matches()) {
                throw new InvalidInputException(new FieldError(
                        "organisation", "is required for an ADMIN: the slug of the organisation that owns it"));
            }
            return named;
        }
        if (named != null && !named.equals(caller.organisation())) {
            throw new InvalidInputException(new FieldError(
                    "organisation", "only an ADMIN may name an organisation; leave it out to use your own"));
        }
        return caller.organisation();
    }
}
