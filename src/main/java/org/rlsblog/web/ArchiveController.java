package org.rlsblog.web;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rlsblog.NotFoundException;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Every published post, grouped by year and month. */
@Controller
class ArchiveController {

    private final PostCatalog catalog;

    ArchiveController(PostCatalog catalog) {
        this.catalog = catalog;
    }

    record ArchiveEntry(String url, String title, DateView date) {}

    record ArchiveMonth(String id, String name, List<ArchiveEntry> posts) {}

    record ArchiveYear(int year, List<ArchiveMonth> months) {}

    @GetMapping("/archive")
    String showArchive(Model model, Locale locale) {
        return show("", model, locale);
    }

    /** The posts of one year, month or day: where the old blog's date archives ({@code /2023/03/}) lead. */
    @GetMapping({
        "/archive/{year:\\d{4}}",
        "/archive/{year:\\d{4}}/{month:\\d{2}}",
        "/archive/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}"
    })
    String showArchiveOf(
            @PathVariable String year,
            @PathVariable(required = false) @Nullable String month,
            @PathVariable(required = false) @Nullable String day,
            Model model,
            Locale locale) {
        String prefix = year + (month == null ? "" : "-" + month) + (day == null ? "" : "-" + day);
        String view = show(prefix, model, locale);
        if (((List<?>) model.getAttribute("years")).isEmpty()) {
            throw new NotFoundException("posts of " + prefix);
        }
        return view;
    }

    private String show(String datePrefix, Model model, Locale locale) {
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL", locale);
        Map<Integer, Map<YearMonth, List<ArchiveEntry>>> byYear = new LinkedHashMap<>();
        for (Post post : catalog.published()) {
            if (!post.published().toLocalDate().toString().startsWith(datePrefix)) {
                continue;
            }
            YearMonth month = YearMonth.from(post.published());
            byYear.computeIfAbsent(month.getYear(), y -> new LinkedHashMap<>())
                    .computeIfAbsent(month, m -> new ArrayList<>())
                    .add(new ArchiveEntry(post.url(), post.title(), PostViews.date(post.published(), locale)));
        }
        List<ArchiveYear> years = new ArrayList<>();
        byYear.forEach((year, months) -> {
            List<ArchiveMonth> list = new ArrayList<>();
            months.forEach(
                    (month, posts) -> list.add(new ArchiveMonth(month.toString(), monthName.format(month), posts)));
            years.add(new ArchiveYear(year, list));
        });
        model.addAttribute("years", years);
        return "archive";
    }
}
