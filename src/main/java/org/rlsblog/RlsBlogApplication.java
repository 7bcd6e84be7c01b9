package org.rlsblog;

import java.time.Clock;
import org.rlsblog.importer.ImportCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class RlsBlogApplication {

    public static void main(String[] args) {
        // let blog.data-dir be a plain relative path ("data"), not only "./data", in the H2 URL
        System.setProperty("h2.implicitRelativePath", System.getProperty("h2.implicitRelativePath", "true"));
        if (ImportCommandLine.handles(args)) {
            System.exit(ImportCommandLine.run(RlsBlogApplication.class, args));
        }
        SpringApplication.run(RlsBlogApplication.class, args);
    }

    /** The one source of "now": future posts, purges and flood limits read it, and tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
