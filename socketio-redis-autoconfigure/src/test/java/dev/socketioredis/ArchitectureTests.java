package dev.socketioredis;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package table of {@code docs/architecture.md}, as rules: what each package may know. A change that makes a
 * package reach where the table says it must not fails here, and either the change or the table (and this test) is
 * wrong.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.socketioredis");

	private static final String SPRING = "org.springframework..";

	private static final String NETTY_SOCKETIO = "com.corundumstudio..";

	private static final String NETTY = "io.netty..";

	private static final String LETTUCE = "io.lettuce..";

	@Test
	void protocolKnowsJacksonAndMsgpackOnly() {
		assertThatPackage("protocol")
			.knowsNone(otherPackagesThan("protocol", SPRING, NETTY_SOCKETIO, NETTY, LETTUCE).toArray(String[]::new));
	}

	@Test
	void transportKnowsNettySocketIoAndNettyOnly() {
		assertThatPackage("transport").knowsNone(otherPackagesThan("transport", SPRING, LETTUCE).toArray(String[]::new));
	}

	@Test
	void adapterKnowsProtocolTransportConcurrentAndNettySocketIoOnly() {
		assertThatPackage("adapter").knowsNone(otherPackagesThan("adapter", SPRING, LETTUCE)
			.filter((name) -> !List.of(project("protocol"), project("transport"), project("concurrent")).contains(name))
			.toArray(String[]::new));
	}

	@Test
	void theEngineKnowsNeitherNettySocketIoNorAnyTransport() {
		check(noClasses().that()
			.haveNameMatching("dev\\.socketioredis\\.adapter\\.(NamespaceEngine|Requester|RequestHandler|PendingRequests"
					+ "|LocalRooms|ClusterTransport|LocalSockets)(\\$.*)?")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(NETTY_SOCKETIO, NETTY, project("transport"), project("redis")));
	}

	@Test
	void pubsubKnowsTheTransportPortProtocolAndTheRedisPortOnly() {
		assertThatPackage("pubsub").knowsNone(project("transport"), project("emitter"), project("server"),
				project("events"), project("metrics"), project("health"), project("actuate"), project("autoconfigure"),
				"dev.socketioredis.redis.springdata..", "dev.socketioredis.redis.lettuce..", SPRING, NETTY_SOCKETIO, NETTY,
				LETTUCE);
	}

	@Test
	void theRedisPortKnowsNoLibrary() {
		check(noClasses().that()
			.resideInAPackage("dev.socketioredis.redis")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SPRING, LETTUCE, NETTY, NETTY_SOCKETIO, "com.fasterxml.."));
	}

	@Test
	void emitterKnowsProtocolConcurrentAndTheRedisPortOnly() {
		assertThatPackage("emitter").knowsNone(project("adapter"), project("transport"), project("server"),
				project("autoconfigure"), SPRING, NETTY_SOCKETIO, NETTY, LETTUCE);
	}

	@Test
	void redisServerAndConcurrentKnowNoOtherPackageOfTheProject() {
		assertThatPackage("redis").knowsNone(otherPackagesThan("redis").toArray(String[]::new));
		assertThatPackage("server").knowsNone(otherPackagesThan("server").toArray(String[]::new));
		assertThatPackage("concurrent").knowsNone(otherPackagesThan("concurrent").toArray(String[]::new));
	}

	@Test
	void nothingButTheAutoConfigurationKnowsIt() {
		check(noClasses().that()
			.resideOutsideOfPackage(project("autoconfigure"))
			.should()
			.dependOnClassesThat()
			.resideInAPackage(project("autoconfigure")));
	}

	@Test
	void packagesFormNoCycle() {
		check(slices().matching("dev.socketioredis.(*)..").should().beFreeOfCycles());
	}

	private static PackageRule assertThatPackage(String name) {
		return (forbidden) -> check(
				noClasses().that().resideInAPackage(project(name)).should().dependOnClassesThat().resideInAnyPackage(
						forbidden));
	}

	/** Every other package of the project, and these. */
	private static Stream<String> otherPackagesThan(String own, String... more) {
		Stream<String> others = Stream
			.of("protocol", "transport", "adapter", "pubsub", "emitter", "redis", "server", "concurrent", "events", "metrics",
					"health", "actuate", "autoconfigure")
			.filter((name) -> !name.equals(own))
			.map(ArchitectureTests::project);
		return Stream.concat(others, Stream.of(more));
	}

	private static String project(String name) {
		return "dev.socketioredis." + name + "..";
	}

	private static void check(ArchRule rule) {
		rule.check(CLASSES);
	}

	@FunctionalInterface
	private interface PackageRule {

		void knowsNone(String... packages);

	}

}
