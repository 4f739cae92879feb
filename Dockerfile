# Towerline platform API (serves the web client too). Built from the Spring Boot jar, no build tools inside:
#   ./mvnw -pl platform-api -am package -DskipTests
#   docker build --build-arg BASE_IMAGE=eclipse-temurin:25-jre -t registry.example.net/towerline/platform-api:0.1.0 .
# Any builder that reads a Dockerfile works (docker, podman, buildah, kaniko); BASE_IMAGE is any Java 21+ runtime image
# (25 by default: from Java 24 -XX:+UseZGC is generational ZGC; on a Java 21 image add -XX:+ZGenerational, ADR 0270).
ARG BASE_IMAGE=eclipse-temurin:25-jre

FROM ${BASE_IMAGE} AS layers
WORKDIR /layers
COPY platform-api/target/platform-api-*.jar application.jar
# Spring Boot's layered jar: dependencies change rarely, the application often; each is its own image layer
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

FROM ${BASE_IMAGE}
# a fixed non-root user: the Helm chart runs the pod as 10001 with a read-only root file system
RUN (groupadd --system --gid 10001 towerline && useradd --system --uid 10001 --gid 10001 --no-create-home towerline) \
    || (addgroup -S -g 10001 towerline && adduser -S -u 10001 -G towerline -H towerline)
WORKDIR /application
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001
EXPOSE 8080
# the heap follows the container's memory limit; an out-of-memory JVM exits so Kubernetes restarts it; generational
# ZGC pauses requests for well under a millisecond (ADR 0270)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseZGC" \
    SPRING_PROFILES_ACTIVE=production
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
