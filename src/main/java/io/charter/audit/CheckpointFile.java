package io.charter.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code audit-checkpoints.jsonl} in the checkpoint directory: checkpoints appended one JSON line
 * each, never rewritten. The line format is also what a verification is given.
 */
@Component
class CheckpointFile {

	static final String NAME = "audit-checkpoints.jsonl";

	/** A line is about 200 bytes: the last one is within this much of the end. */
	private static final int TAIL = 4096;

	private final Path file;
	private final JsonMapper json;

	CheckpointFile(AuditSettings settings, JsonMapper json) {
		this.file = settings.checkpointDirectory().resolve(NAME);
		this.json = json;
	}

	Path path() {
		return file;
	}

	/** Appends the checkpoint and forces it to the disk before returning. */
	void append(AuditCheckpoint checkpoint) {
		byte[] line = (line(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				ByteBuffer buffer = ByteBuffer.wrap(line);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot append to the audit checkpoint file " + file, e);
		}
	}

	/** The last checkpoint of the file; empty when there is none yet (or the last line is not one). */
	Optional<AuditCheckpoint> latest() {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long start = Math.max(0, in.length() - TAIL);
			byte[] tail = new byte[(int) (in.length() - start)];
			in.seek(start);
			in.readFully(tail);
			String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
			return read(lines[lines.length - 1]);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the audit checkpoint file " + file, e);
		}
	}

	String line(AuditCheckpoint checkpoint) {
		return json.writeValueAsString(checkpoint);
	}

	/** A checkpoint line as published; empty when the text is not one. */
	Optional<AuditCheckpoint> read(String line) {
		if (line == null || line.isBlank() || line.length() > TAIL) {
			return Optional.empty();
		}
		try {
			AuditCheckpoint checkpoint = json.readValue(line.strip(), AuditCheckpoint.class);
			return checkpoint == null || checkpoint.seq() < 1 || checkpoint.hash() == null || checkpoint.at() == null
					|| checkpoint.mac() == null ? Optional.empty() : Optional.of(checkpoint);
		}
		catch (JacksonException e) {
			return Optional.empty();
		}
	}
}
