package io.charter.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key that signs checkpoints. It must not be in the database: the point of a checkpoint is
 * that a database writer cannot make one. From {@code charter.audit.checkpoint-key}, else from the
 * key file, which the first start creates with owner-only permissions. The key is never logged;
 * the file holds it as text, so its content can be copied into the setting as it is.
 */
@Component
class CheckpointKey {

	private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);
	private static final String ALGORITHM = "HmacSHA256";
	private static final String PURPOSE = "charter-audit-checkpoint-v1";
	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private final SecretKeySpec key;

	CheckpointKey(AuditSettings settings) {
		String text = settings.checkpointKey() != null ? settings.checkpointKey().strip() : fromFile(settings.checkpointKeyFile());
		this.key = new SecretKeySpec(text.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	AuditCheckpoint sign(long seq, String hash, Instant at) {
		return new AuditCheckpoint(seq, hash, at, mac(seq, hash, at));
	}

	/** Whether the checkpoint was made with this key, over exactly these values. */
	boolean signed(AuditCheckpoint checkpoint) {
		if (checkpoint.hash() == null || checkpoint.at() == null || checkpoint.mac() == null) {
			return false;
		}
		byte[] expected = mac(checkpoint.seq(), checkpoint.hash(), checkpoint.at()).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, checkpoint.mac().getBytes(StandardCharsets.UTF_8));
	}

	private String mac(long seq, String hash, Instant at) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			String input = AuditChain.framed(PURPOSE, Long.toString(seq), hash, AuditChain.micros(at));
			return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String fromFile(Path file) {
		try {
			if (Files.notExists(file)) {
				create(file);
			}
			warnIfOthersMayRead(file);
			String text = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (text.length() < AuditSettings.MIN_SECRET) {
				throw new IllegalStateException("The audit checkpoint key file " + file + " holds fewer than "
						+ AuditSettings.MIN_SECRET + " characters");
			}
			return text;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the audit checkpoint key file " + file, e);
		}
	}

	private static void create(Path file) throws IOException {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		try {
			if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
				// Created with its permissions, so the key is never readable by others, not even briefly.
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else {
				Files.createFile(file);
				var f = file.toFile();
				f.setReadable(false, false);
				f.setWritable(false, false);
				f.setReadable(true, true);
				f.setWritable(true, true);
			}
		}
		catch (FileAlreadyExistsException anotherInstanceWasFirst) {
			return;
		}
		Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
		log.warn("Created the audit checkpoint key file {} (owner-only). Keep a copy of it apart from the database "
				+ "and its backups: without it, published checkpoints cannot be verified.", file);
	}

	private static void warnIfOthersMayRead(Path file) throws IOException {
		if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		if (!OWNER_ONLY.containsAll(permissions)) {
			log.warn("The audit checkpoint key file {} is open to others ({}): make it owner-only (chmod 600)", file,
					PosixFilePermissions.toString(permissions));
		}
	}
}
