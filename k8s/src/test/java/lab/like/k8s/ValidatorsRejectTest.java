package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The validators find what a cluster would reject (so a green schema check means something). */
class ValidatorsRejectTest {

    @Test
    void whenABuiltInObjectHasAnUnknownFieldThenItIsNamedWithItsPath() throws IOException {
        ObjectNode deployment = one("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          imagePullPolcy: Always
                """);
        assertThat(SchemaValidationTest.problems(deployment))
                .containsExactly("unknown field(s) [imagePullPolcy] at .spec.template.spec.containers[0]");
    }

    @Test
    void whenABuiltInObjectHasAWrongTypeThenItDoesNotMatch() throws IOException {
        ObjectNode service = one("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec:
                  ports:
                    - port: eighty
                """);
        assertThat(SchemaValidationTest.problems(service))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("does not match its schema");
    }

    @Test
    void whenACustomResourceHasAnUnknownFieldThenTheCrdSchemaRejectsIt() throws IOException {
        ObjectNode topic = one("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: x}
                spec:
                  partition: 3
                """);
        assertThat(SchemaValidationTest.problems(topic))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("partition");
    }

    @Test
    void whenAnAclOperationIsNotOneOfKafkasThenTheCrdSchemaRejectsIt() throws IOException {
        ObjectNode user = one("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: x}
                spec:
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: t, patternType: literal}
                        operations: [Publish]
                """);
        assertThat(SchemaValidationTest.problems(user)).isNotEmpty().anyMatch(p -> p.contains("operations"));
    }

    @Test
    void whenAMongoDbReplicaSetMissesItsUsersThenTheCrdSchemaRejectsIt() throws IOException {
        ObjectNode mongo = one("""
                apiVersion: mongodbcommunity.mongodb.com/v1
                kind: MongoDBCommunity
                metadata: {name: x}
                spec:
                  type: ReplicaSet
                  members: 3
                  version: "7.0.14"
                  security: {authentication: {modes: [SCRAM]}}
                """);
        assertThat(SchemaValidationTest.problems(mongo)).isNotEmpty().anyMatch(p -> p.contains("users"));
    }

    @Test
    void whenAKindHasNoSchemaThenThatIsAProblem() throws IOException {
        ObjectNode unknown = one("""
                apiVersion: example.org/v1
                kind: Widget
                metadata: {name: x}
                """);
        assertThat(SchemaValidationTest.problems(unknown))
                .containsExactly("no schema for example.org/v1 Widget (neither a Kubernetes model nor a vendored CRD)");
    }

    @Test
    void whenKubectlIsMissingThenTheRenderFailsSayingSo() {
        assertThatThrownBy(() -> new Kustomize("/nonexistent/kubectl").render(Path.of(".")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl is required by the k8s module's tests");
    }

    private static ObjectNode one(String yaml) throws IOException {
        return Kustomize.parse(yaml).get(0);
    }
}
