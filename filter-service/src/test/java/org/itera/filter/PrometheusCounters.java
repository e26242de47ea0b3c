package org.itera.filter;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads counters from the service's {@code /q/metrics} (Prometheus text format). */
final class PrometheusCounters {

    private PrometheusCounters() {
    }

    /**
     * The sum of the counter {@code name} (Prometheus spelling, e.g. {@code itera_repairs_graded_total})
     * over the series carrying every given {@code label="value"} pair; 0 when there is none yet.
     */
    static double value(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> line.contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    static String label(String name, String value) {
        return name + "=\"" + value + "\"";
    }
}
