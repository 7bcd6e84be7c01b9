package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calibration for scripts/bench.sh: the least a Spring Boot web app is (Spring MVC on Tomcat,
 * nothing else on its class path), answering with the article page's bytes read once at start.
 * The figures for it were a 1.3 s start and about 39,000 requests/s on the machine the
 * issue was written on; the bench runs it beside the site, so a slower machine still gives
 * comparable ratios. Not part of the site: compiled by the bench against the site's own jars.
 */
@SpringBootApplication
@RestController
public class MinimalWebApp {

    private final byte[] article;

    MinimalWebApp(@Value("${article}") Path article) throws IOException {
        this.article = Files.readAllBytes(article);
    }

    @GetMapping(value = "/article", produces = "text/html;charset=UTF-8")
    byte[] article() {
        return article;
    }

    public static void main(String[] args) {
        SpringApplication.run(MinimalWebApp.class, args);
    }
}
