package org.rlsblog;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RlsBlogApplication {

    public static void main(String[] args) {
        SpringApplication.run(RlsBlogApplication.class, args);
    }

    /** The one source of "now": future posts, purges and flood limits read it, and tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
