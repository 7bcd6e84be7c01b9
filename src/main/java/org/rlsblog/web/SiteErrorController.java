package org.rlsblog.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error as the site's own page ({@code error.html}, in the layout) with its status, whatever
 * the client accepts. It replaces Spring Boot's controller, which answers a client that does not
 * ask for HTML ({@code Accept: *}{@code /*}, as curl and link checkers send) with a JSON body: the
 * site has no JSON API. The actuator's endpoints answer for themselves and are not affected.
 */
@Controller
class SiteErrorController implements ErrorController {

    private static final long SECONDS_PER_MINUTE = 60;

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ModelAndView showError(HttpServletRequest request, HttpServletResponse response) {
        // Asked for by its address rather than reached by an error: there is no such page.
        HttpStatusCode status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatusCode.valueOf(code)
                : HttpStatus.NOT_FOUND;
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        retryMinutes(response).ifPresent(minutes -> model.put("retryMinutes", minutes));
        return new ModelAndView("error", model, status);
    }

    /** When a refusal said how long to wait (Retry-After, in seconds), that wait in whole minutes. */
    private static OptionalLong retryMinutes(HttpServletResponse response) {
        String header = response.getHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.isEmpty() || !header.chars().allMatch(Character::isDigit) || header.length() > 9) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (Long.parseLong(header) + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE));
    }
}
