package org.rlsblog;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
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
        if (args.length > 0 && args[0].equals("import-wordpress")) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(RlsBlogApplication.class, args);
    }

    /**
     * Runs a one-off command (such as {@code import-wordpress export.xml}) without the web server,
     * and returns its exit status; the command's runner does the work and reports it.
     */
    public static int runCommand(String... args) {
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(RlsBlogApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties("blog.watch=false", "logging.level.root=warn")
                    .run(args);
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            System.err.println("The command failed: " + e.getMessage());
            return 1;
        }
    }

    /** The one source of "now": future posts, purges and flood limits read it, and tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
