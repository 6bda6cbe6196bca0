package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import jakarta.servlet.FilterChain;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.IndicatorKind;
import se.samsyn.comparison.MeasureUnit;

/**
 * {@link IndicatorPageCache} alone, around a page that counts its renderings: an anonymous reader
 * is served the kept page, a signed-in reader, a POST, another path and a reader with a session
 * always get the page rendered for them.
 */
class IndicatorPageCacheTests {

    static final Indicator INDICATOR = new Indicator("U1", "Ett", "One", null, null, null, IndicatorKind.KEY_FIGURE,
            null, null, MeasureUnit.PERCENT, Direction.HIGHER_BETTER, "kolada", null, null, null, null, null, null, null,
            null, false, null, true, "test", Instant.parse("2026-01-01T00:00:00Z"), null);

    final ComparisonRepository repository = mock(ComparisonRepository.class);
    final IndicatorPageCache cache = new IndicatorPageCache(repository, new FixedLocaleResolver(Locale.forLanguageTag("sv")),
            mock(ChangeSignals.class), new MovableClock(Instant.parse("2025-12-31T22:30:00Z")));
    final AtomicInteger renderings = new AtomicInteger();
    final FilterChain page = (request, response) -> {
        int rendering = renderings.incrementAndGet(); // one number per rendering, also when two run at once
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<p>sida " + rendering + "</p>");
    };

    /** A clock a test moves by hand. */
    static final class MovableClock extends java.time.Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * The page without a year depends on today's year (the latest finished year, the "still running"
     * note): a page kept on New Year's Eve in Sweden is rendered anew once it is 1 January there.
     */
    @Test
    void aPageKeptOnNewYearsEveIsRenderedAnewOnNewYearsDay() throws Exception {
        when(repository.indicator("U1")).thenReturn(Optional.of(INDICATOR));
        MovableClock clock = new MovableClock(Instant.parse("2025-12-31T22:30:00Z")); // 23:30 in Sweden
        IndicatorPageCache byYear = new IndicatorPageCache(repository, new FixedLocaleResolver(Locale.forLanguageTag("sv")),
                mock(ChangeSignals.class), clock);
        java.util.function.Supplier<String> read = () -> {
            try {
                MockHttpServletResponse response = new MockHttpServletResponse();
                byYear.doFilter(request("GET", "/comparisons/indicators/U1"), response, page);
                return response.getContentAsString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(read.get()).isEqualTo("<p>sida 1</p>");
        clock.set(Instant.parse("2025-12-31T22:59:00Z")); // 23:59, still 2025 in Sweden
        assertThat(read.get()).isEqualTo("<p>sida 1</p>");
        clock.set(Instant.parse("2025-12-31T23:01:00Z")); // 00:01 on 1 January 2026 in Sweden
        assertThat(read.get()).isEqualTo("<p>sida 2</p>");
        assertThat(read.get()).isEqualTo("<p>sida 2</p>");
        assertThat(renderings).hasValue(2);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String get(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, page);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }

    @Test
    void anAnonymousReaderIsServedTheKeptPageUntilTheCacheIsEmptied() throws Exception {
        when(repository.indicator("U1")).thenReturn(Optional.of(INDICATOR));
        assertThat(get(request("GET", "/comparisons/indicators/U1"))).isEqualTo("<p>sida 1</p>");
        assertThat(get(request("GET", "/comparisons/indicators/U1"))).isEqualTo("<p>sida 1</p>");
        cache.forget();
        assertThat(get(request("GET", "/comparisons/indicators/U1"))).isEqualTo("<p>sida 2</p>");
        assertThat(renderings).hasValue(2);
    }

    @Test
    void readersArrivingWhileThePageIsRenderedWaitForThatRendering() throws Exception {
        when(repository.indicator("U1")).thenReturn(Optional.of(INDICATOR));
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            page.doFilter(request, response);
        };
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.Future<String> first = readers.submit(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            cache.doFilter(request("GET", "/comparisons/indicators/U1"), response, slow);
            return response.getContentAsString(StandardCharsets.UTF_8);
        });
        started.await();
        java.util.List<java.util.concurrent.Future<String>> others = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(readers.submit(() -> {
                MockHttpServletResponse response = new MockHttpServletResponse();
                cache.doFilter(request("GET", "/comparisons/indicators/U1"), response, slow);
                return response.getContentAsString(StandardCharsets.UTF_8);
            }));
        }
        release.countDown();
        assertThat(first.get()).isEqualTo("<p>sida 1</p>");
        for (java.util.concurrent.Future<String> other : others) {
            assertThat(other.get()).isEqualTo("<p>sida 1</p>");
        }
        readers.shutdown();
        assertThat(renderings).hasValue(1);
    }

    @Test
    void aPageRenderedWhileTheCacheIsEmptiedIsServedButNotKept() throws Exception {
        when(repository.indicator("U1")).thenReturn(Optional.of(INDICATOR));
        FilterChain refreshedMeanwhile = (request, response) -> {
            cache.forget();
            page.doFilter(request, response);
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request("GET", "/comparisons/indicators/U1"), response, refreshedMeanwhile);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>sida 1</p>");
        assertThat(cache.size()).isZero();
        assertThat(get(request("GET", "/comparisons/indicators/U1"))).isEqualTo("<p>sida 2</p>");
        assertThat(get(request("GET", "/comparisons/indicators/U1"))).isEqualTo("<p>sida 2</p>");
        assertThat(cache.size()).isEqualTo(1);
    }

    /**
     * A rendering that may not be kept (it sets a cookie) leaves nothing for the readers who waited
     * for it: each gets the page rendered for it, and nothing is kept.
     */
    @Test
    void readersWhoWaitedForAPageThatMayNotBeKeptGetItRenderedForThem() throws Exception {
        when(repository.indicator("U1")).thenReturn(Optional.of(INDICATOR));
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FilterChain withCookie = (request, response) -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((jakarta.servlet.http.HttpServletResponse) response).addHeader("Set-Cookie", "a=b");
            page.doFilter(request, response);
        };
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        java.util.concurrent.Callable<String> read = () -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            cache.doFilter(request("GET", "/comparisons/indicators/U1"), response, withCookie);
            return response.getContentAsString(StandardCharsets.UTF_8);
        };
        answers.add(readers.submit(read));
        started.await();
        for (int i = 0; i < 3; i++) {
            answers.add(readers.submit(read));
        }
        release.countDown();
        java.util.Set<String> bodies = new java.util.TreeSet<>();
        for (java.util.concurrent.Future<String> answer : answers) {
            bodies.add(answer.get());
        }
        readers.shutdown();
        assertThat(bodies).containsExactly("<p>sida 1</p>", "<p>sida 2</p>", "<p>sida 3</p>", "<p>sida 4</p>");
        assertThat(renderings).hasValue(4);
        assertThat(cache.size()).isZero();
    }

    /**
     * The first reader after a refresh is slow to take its page (its connection blocks): the readers
     * waiting for the same page are answered from the rendering without waiting for that connection.
     */
    @Test
    void waitingReadersDoNotWaitForTheFirstReadersConnection() throws Exception {
        when(repository.indicator("U1")).thenReturn(Optional.of(INDICATOR));
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch connection = new java.util.concurrent.CountDownLatch(1);
        MockHttpServletResponse slowConnection = new MockHttpServletResponse();
        jakarta.servlet.http.HttpServletResponse blocking = new jakarta.servlet.http.HttpServletResponseWrapper(slowConnection) {
            @Override
            public jakarta.servlet.ServletOutputStream getOutputStream() throws java.io.IOException {
                jakarta.servlet.ServletOutputStream real = slowConnection.getOutputStream();
                return new jakarta.servlet.ServletOutputStream() {
                    @Override
                    public void write(int b) throws java.io.IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws java.io.IOException {
                        writing.countDown();
                        try {
                            connection.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        real.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(jakarta.servlet.WriteListener listener) {
                    }
                };
            }
        };
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Future<?> first = readers.submit(() -> {
            cache.doFilter(request("GET", "/comparisons/indicators/U1"), blocking, page);
            return null;
        });
        writing.await();
        java.util.concurrent.Future<String> second = readers.submit(() -> get(request("GET", "/comparisons/indicators/U1")));
        String answered = second.get(10, java.util.concurrent.TimeUnit.SECONDS);
        connection.countDown();
        first.get();
        readers.shutdown();
        assertThat(answered).isEqualTo("<p>sida 1</p>");
        assertThat(slowConnection.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>sida 1</p>");
        assertThat(renderings).hasValue(1);
    }

    @Test
    void aSignedInReaderAReaderWithASessionAPostAndAnotherPathAreNeverServedFromMemory() throws Exception {
        when(repository.indicator("U1")).thenReturn(Optional.of(INDICATOR));
        get(request("GET", "/comparisons/indicators/U1"));
        MockHttpServletRequest withSession = request("GET", "/comparisons/indicators/U1");
        withSession.getSession(true);
        assertThat(get(withSession)).isEqualTo("<p>sida 2</p>");
        assertThat(get(request("POST", "/comparisons/indicators/U1"))).isEqualTo("<p>sida 3</p>");
        assertThat(get(request("GET", "/comparisons/indicators/U1.csv"))).isEqualTo("<p>sida 4</p>");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("analytiker", null, java.util.List.of()));
        assertThat(get(request("GET", "/comparisons/indicators/U1"))).isEqualTo("<p>sida 5</p>");
        assertThat(cache.size()).isEqualTo(1);
    }
}
