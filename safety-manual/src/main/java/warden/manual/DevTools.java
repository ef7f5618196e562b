package warden.manual;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol, spoken here over Java's own
 * WebSocket client: one page (a target attached in flat mode) with the Page, Runtime, Log and
 * Network domains enabled. It opens file URLs, evaluates script in the page, clicks elements with
 * the mouse and waits for the navigation a click starts, and records as a problem, naming the page
 * and the URL: a console error ({@code console.error}, an uncaught exception, a browser log entry
 * of level error), a load that failed, and any request whose URL is not {@code file:} (or
 * {@code data:}/{@code about:}). Host names resolve nowhere ({@code --host-resolver-rules}), so
 * such a request leaves nothing, but it is still a problem.
 *
 * [impl->dsn~manual.browser-check~1]
 */
final class DevTools implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final List<String> LOCAL = List.of("file:", "data:", "about:");

    private final Process process;
    private final Path profile;
    private final Path log;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<String> navigations = new LinkedBlockingQueue<>();
    private final Map<String, String> requests = new ConcurrentHashMap<>();
    private final Set<String> problems = new LinkedHashSet<>();
    private volatile String page = "about:blank";
    private volatile String session;

    private DevTools(Process process, Path profile, Path log, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.log = log;
        this.socket = socket;
    }

    /**
     * Starts {@code chromium} headless with a fresh profile under {@code work} and opens a blank page.
     *
     * @throws IllegalStateException when the browser does not start or answer, with the tail of its log
     */
    static DevTools launch(Path chromium, Path work) {
        Path profile;
        Path log = work.resolve("chromium.log");
        Process p;
        try {
            Files.createDirectories(work);
            profile = Files.createTempDirectory(work, "profile-");
            p = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--remote-debugging-port=0",
                    "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check", "--disable-sync",
                    "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                    "--disable-dev-shm-usage", "--disable-gpu",
                    "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,1024", "about:blank")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + chromium + ": " + e.getMessage(), e);
        }
        DevTools d = null;
        try {
            String[] port = activePort(p, profile.resolve("DevToolsActivePort"), log);
            Listener l = new Listener();
            WebSocket ws = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build().newWebSocketBuilder()
                    .connectTimeout(START).buildAsync(URI.create("ws://127.0.0.1:" + port[0] + port[1]), l)
                    .get(START.toSeconds(), TimeUnit.SECONDS);
            d = new DevTools(p, profile, log, ws);
            l.owner = d;
            d.attach();
            return d;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stop(p, d, "interrupted while starting " + chromium);
        } catch (ExecutionException | TimeoutException e) {
            throw stop(p, d, "cannot reach the DevTools of " + chromium + ": " + e + "\n" + tail(log));
        } catch (RuntimeException e) {
            throw stop(p, d, e.getMessage());
        }
    }

    private static IllegalStateException stop(Process p, DevTools d, String why) {
        if (d != null) {
            d.close();
        } else {
            p.destroyForcibly();
        }
        return new IllegalStateException(why);
    }

    /** @return the port and the browser's WebSocket path, once Chromium has written them */
    private static String[] activePort(Process p, Path file, Path log) throws InterruptedException {
        long end = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < end) {
            try {
                String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
                if (lines.length >= 2 && lines[1].startsWith("/")) {
                    return new String[] {lines[0].strip(), lines[1].strip()};
                }
            } catch (IOException e) {
                // not written yet
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("Chromium exited " + p.exitValue() + " before it opened its DevTools "
                        + "port:\n" + tail(log));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Chromium wrote no DevTools port within " + START.toSeconds() + " s:\n"
                + tail(log));
    }

    private static String tail(Path log) {
        try {
            String[] lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R");
            List<String> keep = new ArrayList<>();
            for (int i = Math.max(0, lines.length - 10); i < lines.length; i++) {
                keep.add("  " + lines[i]);
            }
            return String.join("\n", keep);
        } catch (IOException e) {
            return "  (no log: " + e.getMessage() + ")";
        }
    }

    private void attach() {
        String target = Json.str(call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId"));
        session = Json.str(call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId"));
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            send(domain + ".enable", Map.of());
        }
    }

    /** @return the result of a command to the page, waited for */
    Map<String, Object> send(String method, Map<String, Object> params) {
        return call(session, method, params);
    }

    private Map<String, Object> call(String to, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("method", method);
        m.put("params", params);
        if (to != null) {
            m.put("sessionId", to);
        }
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (socket) {
                socket.sendText(Json.write(m), true).get(COMMAND.toSeconds(), TimeUnit.SECONDS);
            }
            Map<String, Object> r = answer.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
            Map<String, Object> error = Json.object(r.get("error"));
            if (!error.isEmpty()) {
                throw new IllegalStateException("DevTools refused " + method + ": " + Json.str(error.get("message")));
            }
            return Json.object(r.get("result"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer to " + method + " within " + COMMAND.toSeconds() + " s: " + e);
        } finally {
            pending.remove(id);
        }
    }

    /** Takes one whole message from the browser: an answer or an event. */
    private void receive(String text) {
        Map<String, Object> m = Json.object(Json.parse(text));
        if (m.containsKey("id")) {
            CompletableFuture<Map<String, Object>> f = pending.get((int) Json.num(m.get("id"), -1));
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        event(Json.str(m.get("method")), Json.object(m.get("params")));
    }

    private void event(String method, Map<String, Object> p) {
        switch (method) {
            case "Page.loadEventFired" -> navigations.add("load");
            case "Page.navigatedWithinDocument" -> navigations.add("within");
            case "Page.frameNavigated" -> {
                Map<String, Object> frame = Json.object(p.get("frame"));
                if (!frame.containsKey("parentId")) {
                    page = Json.str(frame.get("url"));
                }
            }
            case "Runtime.consoleAPICalled" -> console(p);
            case "Runtime.exceptionThrown" -> exception(Json.object(p.get("exceptionDetails")));
            case "Log.entryAdded" -> {
                Map<String, Object> e = Json.object(p.get("entry"));
                if ("error".equals(e.get("level"))) {
                    problem("console error: " + Json.str(e.get("text")) + (e.containsKey("url") ? " (" + e.get("url")
                            + ")" : ""));
                }
            }
            case "Network.requestWillBeSent" -> {
                String url = Json.str(Json.object(p.get("request")).get("url"));
                requests.put(Json.str(p.get("requestId")), url);
                if (LOCAL.stream().noneMatch(url::startsWith)) {
                    problem("a request leaving the file: " + url);
                }
            }
            case "Network.loadingFailed" -> problem("a load failed: " + requests.getOrDefault(Json.str(
                    p.get("requestId")), "(unknown URL)") + ": " + Json.str(p.get("errorText")));
            default -> {
                // other events are not looked at
            }
        }
    }

    private void console(Map<String, Object> p) {
        if ("error".equals(p.get("type")) || "assert".equals(p.get("type"))) {
            List<String> args = new ArrayList<>();
            for (Object a : Json.list(p.get("args"))) {
                Map<String, Object> arg = Json.object(a);
                args.add(Json.str(arg.containsKey("value") ? arg.get("value") : arg.get("description")));
            }
            problem("console error: " + String.join(" ", args) + at(Json.object(p.get("stackTrace"))));
        }
    }

    private void exception(Map<String, Object> x) {
        String what = Json.str(Json.object(x.get("exception")).get("description"));
        problem("uncaught exception: " + (what.isEmpty() ? Json.str(x.get("text")) : what.lines().findFirst()
                .orElse("")) + (x.containsKey("url") ? " at " + x.get("url") + ":"
                + (Json.num(x.get("lineNumber"), -1) + 1) : ""));
    }

    private static String at(Map<String, Object> stack) {
        List<Object> frames = Json.list(stack.get("callFrames"));
        if (frames.isEmpty()) {
            return "";
        }
        Map<String, Object> f = Json.object(frames.get(0));
        return " at " + Json.str(f.get("url")) + ":" + (Json.num(f.get("lineNumber"), -1) + 1);
    }

    private void problem(String what) {
        synchronized (problems) {
            problems.add(page + ": " + what);
        }
    }

    /** @return the problems seen since the last call, each naming its page, in the order they were seen */
    List<String> takeProblems() {
        synchronized (problems) {
            List<String> out = new ArrayList<>(problems);
            problems.clear();
            return out;
        }
    }

    /** @return the URL of the page's top document */
    String page() {
        return page;
    }

    /**
     * Opens {@code url} and waits for its load event; a page that cannot be opened is a problem.
     *
     * @return true when it loaded
     */
    boolean open(String url) {
        navigations.clear();
        page = url;
        String error = Json.str(send("Page.navigate", Map.of("url", url)).get("errorText"));
        if (!error.isEmpty()) {
            problem("cannot open " + url + ": " + error);
            return false;
        }
        awaitNavigation("opening " + url);
        return true;
    }

    private void awaitNavigation(String what) {
        try {
            if (navigations.poll(COMMAND.toSeconds(), TimeUnit.SECONDS) == null) {
                throw new IllegalStateException("no navigation within " + COMMAND.toSeconds() + " s after " + what
                        + " on " + page);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted after " + what, e);
        }
        eval("0"); // the answer comes after every event the navigation sent
    }

    /**
     * Evaluates {@code js} in the page.
     *
     * @return its value (JSON types: {@link Map}, {@link List}, {@link String}, {@link Long}, ...)
     * @throws IllegalStateException when the script throws, with its message
     */
    Object eval(String js) {
        Map<String, Object> r = send("Runtime.evaluate", Map.of("expression", js, "returnByValue", true,
                "awaitPromise", true));
        Map<String, Object> x = Json.object(r.get("exceptionDetails"));
        if (!x.isEmpty()) {
            String what = Json.str(Json.object(x.get("exception")).get("description"));
            throw new IllegalStateException("the check's script failed on " + page + ": "
                    + (what.isEmpty() ? Json.str(x.get("text")) : what));
        }
        return Json.object(r.get("result")).get("value");
    }

    /**
     * Clicks, with the mouse, the element that {@code element} (a script expression) yields, scrolled
     * into the middle of the view, and waits for the navigation the click starts (another document or
     * a fragment of this one). {@code what} names the element in an error.
     *
     * @return the location after the navigation
     * @throws IllegalStateException when there is no such element, something else lies on top of it,
     *     or nothing navigates
     */
    String click(String element, String what) {
        Map<String, Object> at = Json.object(eval("(function(){var e;try{e=" + element
                + ";}catch(x){e=null;}if(!e)return null;"
                + "e.scrollIntoView({block:'center',inline:'center'});var r=e.getClientRects()[0];if(!r)return {};"
                + "var x=r.left+Math.min(r.width/2,8),y=r.top+r.height/2,h=document.elementFromPoint(x,y);"
                + "return {x:x,y:y,hit:!!h&&(h===e||e.contains(h)),on:h?h.outerHTML.slice(0,80):'',"
                + "href:e.href||''};})()"));
        if (at.isEmpty()) {
            throw new IllegalStateException("on " + page + " nothing to click: " + what + " is missing or not shown");
        }
        if (!Boolean.TRUE.equals(at.get("hit"))) {
            throw new IllegalStateException("on " + page + " " + what + " cannot be clicked: " + at.get("on")
                    + " lies on top of it");
        }
        navigations.clear();
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", at.get("x"), "y", at.get("y"), "button", "left",
                    "clickCount", 1));
        }
        awaitNavigation("clicking " + what + " (" + at.get("href") + ")");
        return Json.str(eval("location.href"));
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", Map.of());
        } catch (RuntimeException e) {
            // the process is stopped below
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        socket.abort();
        try (Stream<Path> s = Files.walk(profile)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            System.err.println("browser-check: could not delete the profile " + profile + ": " + e.getMessage()
                    + " (log " + log + ")");
        }
    }

    /** Collects a message's parts and hands whole messages to the owner. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile DevTools owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence part, boolean last) {
            text.append(part);
            if (last) {
                String whole = text.toString();
                text.setLength(0);
                DevTools d = owner;
                if (d != null) {
                    try {
                        d.receive(whole);
                    } catch (RuntimeException e) {
                        d.problem("a DevTools message the check cannot read (" + e.getMessage() + ")");
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            fail(new IllegalStateException("the browser closed DevTools (" + status + " " + reason + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            fail(error);
        }

        private void fail(Throwable why) {
            DevTools d = owner;
            if (d != null) {
                d.pending.values().forEach(f -> f.completeExceptionally(why));
            }
        }
    }
}
