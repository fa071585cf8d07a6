package jp.go.meti.aifund.notification.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import jp.go.meti.aifund.infra.testing.KafkaTestResource;
import jp.go.meti.aifund.infra.testing.PostgresTestResource;

/**
 * The real broker and database every {@code @QuarkusTest} of this module runs against (these
 * annotations apply to all test classes, wherever they are declared).
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
