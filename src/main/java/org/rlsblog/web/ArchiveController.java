package org.rlsblog.web;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL", locale);
        Map<Integer, Map<YearMonth, List<ArchiveEntry>>> byYear = new LinkedHashMap<>();
        for (Post post : catalog.published()) {
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
