package de.augenhoehe.outreach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** outreach-service: returnee campaigns from door hanger to hire. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class OutreachServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutreachServiceApplication.class, args);
    }
}
