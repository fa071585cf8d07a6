package jp.go.meti.aifund.funding.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import jp.go.meti.aifund.infra.testing.KafkaTestResource;
import jp.go.meti.aifund.infra.testing.OpenApiConformance;
import jp.go.meti.aifund.infra.testing.PostgresTestResource;

/**
 * The real broker and database every {@code @QuarkusTest} of this module runs against, and the check
 * of every REST exchange against the service's OpenAPI document (these annotations apply to all
 * test classes, wherever they are declared).
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding"))
@QuarkusTestResource(OpenApiConformance.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
