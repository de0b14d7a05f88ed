package de.augenhoehe.portal.stellen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;

import de.augenhoehe.portal.web.PortalProperties;
import de.augenhoehe.portal.web.StandInPlatform;

/** What the search page makes of the platform's answer: a wide search ranked from a sample says so (issue #21). */
class SearchPageTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void a_search_ranked_from_a_sample_says_so_with_counts_as_lower_bounds(boolean sampled) throws IOException {
        List<String> queries = new ArrayList<>();
        try (StandInPlatform platform = StandInPlatform.start("/api/vacancies", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            StandInPlatform.json(exchange, exchange.getRequestURI().getPath().contains("/postal-codes/")
                    ? "{\"latitude\":49.14,\"longitude\":9.22,\"place\":\"Heilbronn\"}"
                    : """
                      {"items":[{"id":"7d0c4b8e-0000-4000-8000-000000000001","title":"Mechatroniker (m/w/d)","type":"JOB",
                       "workingTime":"FULL_TIME","postalCode":"74072","place":"Heilbronn","latitude":49.14,"longitude":9.22,
                       "validThrough":"2027-03-01","distanceKm":1.5}],"next":null,
                       "facets":{"type":[{"value":"JOB","label":"Arbeitsstelle","count":1000}],"occupationGroup":[],"kreis":[],
                       "workingTime":[],"total":1000,"countsAreLowerBounds":%s},"rankedFromSample":%s}"""
                            .formatted(sampled, sampled));
        })) {
            SearchForm form = new SearchForm();
            form.setWas("Mechatroniker");
            form.setPlz("74072");
            form.setUmkreis("200");
            ExtendedModelMap model = new ExtendedModelMap();
            PortalProperties properties = new PortalProperties(URI.create("http://127.0.0.1:1"), "http://127.0.0.1",
                    Duration.ofSeconds(5), "");
            String view = new SearchPage(platform.api(), properties).search(form, new BeanPropertyBindingResult(form, "suche"),
                    new MockHttpServletRequest("GET", "/stellen"), model);

            assertThat(view).isEqualTo("stellen/suche");
            assertThat(queries).anySatisfy(q -> assertThat(q).contains("q=Mechatroniker", "radiusKm=200"));
            assertThat(model.getAttribute("rankedFromSample")).isEqualTo(sampled);
            assertThat(model.getAttribute("total")).isEqualTo(sampled ? "1.000+" : "1.000");
        }
    }
}
