package jp.go.meti.aifund.platform.audit;

import java.util.Arrays;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Records an {@link Audited} decision after it succeeded, inside its transaction (this runs within
 * the transaction interceptor), so the decision and its audit entry commit or roll back together.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditInterceptor {

    private final AuditTrail trail;

    public AuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        Audited audited = invocation.getMethod().getAnnotation(Audited.class);
        Object[] arguments = invocation.getParameters();
        String subject = Arrays.stream(arguments).filter(UUID.class::isInstance).skip(audited.subject())
                .map(Object::toString).findFirst().orElse(null);
        trail.record(audited.value(), subject, arguments);
        return result;
    }
}
