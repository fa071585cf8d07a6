package jp.go.meti.aifund.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A decision that goes into the {@link AuditTrail} when it succeeds, in its own transaction: the
 * caller, the action named here, an id among the arguments as the subject, and every
 * argument (the command with its reason) as the details. The method must be transactional.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** The action, as auditors search for it: {@code review.finalized}, {@code warning.acknowledged}… */
    @Nonbinding
    String value();

    /** Which id among the arguments (UUIDs, counted from 0) names the subject of the decision. */
    @Nonbinding
    int subject() default 0;
}
