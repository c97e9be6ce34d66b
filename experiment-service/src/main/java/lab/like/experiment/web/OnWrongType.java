package lab.like.experiment.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The message a request field gets when its JSON value has the wrong type (a number for a string, an object
 * for a list...): {@link #value} for the field itself, {@link #element} for an element of a list field. On a
 * request record itself it is the message for a body that is not a JSON object.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface OnWrongType {

    String value();

    String element() default "has the wrong type";
}
