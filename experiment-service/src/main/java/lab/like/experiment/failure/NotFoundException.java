package lab.like.experiment.failure;

/** Something the request names does not exist for the caller (a 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
