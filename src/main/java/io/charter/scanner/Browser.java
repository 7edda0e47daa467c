package io.charter.scanner;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium and its chromedriver for one scan. Closing it always ends both processes and
 * their children, whatever state the driver is in: quit first, then the process tree by force (a
 * cancelled or timed-out scan may have left the driver unresponsive). A shutdown hook does the same
 * should the JVM stop during a scan.
 */
final class Browser implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Browser.class);

	private final Path profile;
	private final int port;
	private final Thread hook;
	private final Egress egress;
	private volatile ChromeDriver driver;
	private volatile boolean closed;
	private volatile boolean expired;
	private volatile Thread watchdog;
	private final List<String> refusedNavigations = new CopyOnWriteArrayList<>();

	private Browser(Path profile, int port, Egress egress) {
		this.profile = profile;
		this.port = port;
		this.egress = egress;
		this.hook = new Thread(this::end, "scanner-browser-stop");
	}

	static Browser start(ScannerSettings settings) {
		if (!settings.browserInstalled()) {
			throw new ScanRefused("no Chromium at " + settings.chromium() + " or chromedriver at " + settings.chromedriver());
		}
		Browser browser;
		try {
			browser = new Browser(Files.createTempDirectory("charter-scan"), freePort(),
					new Egress(Egress.Resolver.SYSTEM, settings.allowance(), (int) settings.pageTimeout().toMillis(),
							settings.maxPageTransfer().toBytes()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Runtime.getRuntime().addShutdownHook(browser.hook);
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(new File(settings.chromium()));
			// Without the networking flags Chromium keeps calling Google's services, which a scan would record.
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
					"--window-size=1280,900", "--js-flags=--max-old-space-size=" + settings.browserMemory().toMegabytes(),
					"--user-data-dir=" + browser.profile.toAbsolutePath(),
					// Every request goes through the scan's proxy, which checks each address it connects to;
					// loopback too ("<-loopback>" lifts Chromium's own exception), WebRTC's UDP never leaves
					// but through it, and Chromium itself resolves no name (the proxy does, once).
					"--proxy-server=http://" + browser.egress.address().getAddress().getHostAddress() + ":"
							+ browser.egress.address().getPort(),
					"--proxy-bypass-list=<-loopback>", "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
					"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE " + browser.egress.address().getAddress().getHostAddress());
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.PERFORMANCE, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			ChromeDriverService service = new ChromeDriverService.Builder()
					.usingDriverExecutable(new File(settings.chromedriver())).usingPort(browser.port).build();
			browser.driver = new ChromeDriver(service, options);
			browser.driver.manage().timeouts().pageLoadTimeout(settings.pageTimeout());
			browser.driver.manage().timeouts().scriptTimeout(settings.pageTimeout());
			browser.cdp("Network.enable", Map.of());
			browser.watchdog = Egress.daemon("scanner-browser-watchdog", () -> {
				try {
					Thread.sleep(settings.maxDuration().plus(settings.pageTimeout()).toMillis());
					browser.expired = true;
					log.warn("Scan stopped: over its time limit of {}", settings.maxDuration());
					browser.end();
				}
				catch (InterruptedException closedInTime) {
					// The scan ended before its time was up.
				}
			});
			return browser;
		}
		catch (RuntimeException failed) {
			browser.close();
			throw failed;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Top-level navigations (a redirect, a script or a refresh sending the page away) to an address
	 * {@code allowed} refuses are failed in the browser before their request is sent: the Egress
	 * sees only a tunnel's host, not whether it carries a page or a third party's script, which the
	 * scan must let through to observe it. Frames and everything else a page loads are not held.
	 * Raw DevTools commands, so a newer Chromium than Selenium's DevTools classes still answers.
	 */
	@SuppressWarnings("unchecked")
	void guardNavigations(Predicate<String> allowed) {
		Map<String, Object> tree = (Map<String, Object>) cdp("Page.getFrameTree", Map.of()).get("frameTree");
		Object mainFrame = ((Map<String, Object>) tree.get("frame")).get("id");
		DevTools tools = driver().getDevTools();
		tools.createSessionIfThereIsNotOne();
		tools.addListener(new Event<Map<String, Object>>("Fetch.requestPaused", in -> in.read(Json.MAP_TYPE)), paused -> {
			String url = String.valueOf(((Map<String, Object>) paused.get("request")).get("url"));
			Object id = paused.get("requestId");
			if (mainFrame.equals(paused.get("frameId")) && !url.startsWith("about:") && !allowed.test(url)) {
				refusedNavigations.add(url);
				tools.send(new Command<Void>("Fetch.failRequest", Map.of("requestId", id, "errorReason", "BlockedByClient")));
			}
			else {
				tools.send(new Command<Void>("Fetch.continueRequest", Map.of("requestId", id)));
			}
		});
		tools.send(new Command<Void>("Fetch.enable", Map.of("patterns",
				List.of(Map.of("urlPattern", "*", "resourceType", "Document", "requestStage", "Request")))));
	}

	/** The navigations refused since the last call, their targets in order. */
	List<String> refusedNavigations() {
		List<String> refused = List.copyOf(refusedNavigations);
		refusedNavigations.removeAll(refused);
		return refused;
	}

	/** The scan's only way out, which checks every address its pages reach. */
	Egress egress() {
		return egress;
	}

	/** The scan ran past its time limit (its duration and a page's load), and the browser was ended. */
	boolean expired() {
		return expired;
	}

	ChromeDriver driver() {
		if (closed) {
			throw new ScanStopped();
		}
		return driver;
	}

	Object script(String source, Object... args) {
		return ((JavascriptExecutor) driver()).executeScript(source, args);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> cdp(String command, Map<String, Object> params) {
		return (Map<String, Object>) (Map<?, ?>) driver().executeCdpCommand(command, params);
	}

	/** The DevTools events logged since the last call, as their JSON messages. */
	List<String> events() {
		return driver().manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(LogEntry::getMessage).toList();
	}

	/** The processes of this browser: its chromedriver, the Chromium it started and their children. */
	Stream<ProcessHandle> processes() {
		String portArgument = "--port=" + port;
		String profileArgument = "--user-data-dir=" + profile.toAbsolutePath();
		return ProcessHandle.current().descendants().filter(p -> p.info().arguments()
				.map(a -> List.of(a).contains(portArgument) || List.of(a).contains(profileArgument)).orElse(false))
				.flatMap(p -> Stream.concat(Stream.of(p), p.descendants()));
	}

	@Override
	public void close() {
		end();
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException stopping) {
			// The JVM is stopping: the hook runs end() anyway.
		}
	}

	private synchronized void end() {
		closed = true;
		Thread timer = watchdog;
		if (timer != null && timer != Thread.currentThread()) {
			timer.interrupt();
		}
		egress.close();
		ChromeDriver running = driver;
		driver = null;
		List<ProcessHandle> left = processes().toList();
		if (running != null) {
			try {
				running.quit();
			}
			catch (RuntimeException unresponsive) {
				log.info("Chromium did not quit cleanly ({}); its processes are ended", unresponsive.getClass().getSimpleName());
			}
		}
		Stream.concat(left.stream(), processes()).filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		Stream.concat(left.stream(), processes()).forEach(p -> Optional.of(p.onExit()).ifPresent(exit -> {
			try {
				exit.get(5, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception notYet) {
				log.warn("Chromium process {} still running", p.pid());
			}
		}));
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException | UncheckedIOException e) {
			log.debug("Scan profile not removed: {}", e.toString());
		}
	}
}
