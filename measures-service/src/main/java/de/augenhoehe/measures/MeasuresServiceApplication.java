package de.augenhoehe.measures;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** measures-service: the region's measures, registrations and the labour-market monitor. */
@SpringBootApplication
public class MeasuresServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeasuresServiceApplication.class, args);
    }
}
