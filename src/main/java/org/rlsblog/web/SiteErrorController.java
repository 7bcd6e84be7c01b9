package org.rlsblog.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
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

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ModelAndView showError(HttpServletRequest request) {
        // Asked for by its address rather than reached by an error: there is no such page.
        HttpStatusCode status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatusCode.valueOf(code)
                : HttpStatus.NOT_FOUND;
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }
}
