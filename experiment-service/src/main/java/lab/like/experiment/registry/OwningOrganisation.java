package lab.like.experiment.registry;

import lab.like.experiment.platform.Caller;
import tools.jackson.databind.JsonNode;

/** Which organisation a new experiment belongs to: an ADMIN names it, anyone else gets their own. */
final class OwningOrganisation {

    private OwningOrganisation() {}

    static String of(Caller caller, JsonNode body) {
        JsonNode named = body.get("organisation");
        boolean present = named != null && !named.isNull();
        if (caller.isAdmin()) {
            if (!present
                    || !named.isString()
                    || !JsonFields.SLUG.matcher(named.stringValue()).matches()) {
                throw new InvalidInputException(new FieldError(
                        "organisation", "is required for an ADMIN: the slug of the organisation that owns it"));
            }
            return named.stringValue();
        }
        if (present && !(named.isString() && named.stringValue().equals(caller.organisation()))) {
            throw new InvalidInputException(new FieldError(
                    "organisation", "only an ADMIN may name an organisation; leave it out to use your own"));
        }
        return caller.organisation();
    }
}
