package io.charter.consent.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A file system for H2 ({@code jdbc:h2:full:<path>}) that a test can fill: while {@link #fill()} is
 * in force every write, flush or truncation of the database file fails with the operating system's
 * "No space left on device", as on a full or read-only disk; reads go on working. Public with a
 * public constructor because H2 makes its instances by reflection.
 */
public final class FullDisk extends FilePathWrapper {

	private static volatile boolean full;

	static {
		FilePath.register(new FullDisk());
	}

	public FullDisk() {
	}

	/** Makes sure H2 knows the {@code full:} prefix. */
	static void register() {
		// the static initialiser did it
	}

	static void fill() {
		full = true;
	}

	static void free() {
		full = false;
	}

	@Override
	public String getScheme() {
		return "full";
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return new Channel(super.open(mode));
	}

	@Override
	public OutputStream newOutputStream(boolean append) throws IOException {
		refuseWhenFull();
		return super.newOutputStream(append);
	}

	private static void refuseWhenFull() throws IOException {
		if (full) {
			throw new IOException("No space left on device");
		}
	}

	private static final class Channel extends FileBase {

		private final FileChannel file;

		Channel(FileChannel file) {
			this.file = file;
		}

		@Override
		public int read(ByteBuffer dst) throws IOException {
			return file.read(dst);
		}

		@Override
		public int read(ByteBuffer dst, long position) throws IOException {
			return file.read(dst, position);
		}

		@Override
		public int write(ByteBuffer src) throws IOException {
			refuseWhenFull();
			return file.write(src);
		}

		@Override
		public int write(ByteBuffer src, long position) throws IOException {
			refuseWhenFull();
			return file.write(src, position);
		}

		@Override
		public long position() throws IOException {
			return file.position();
		}

		@Override
		public FileChannel position(long newPosition) throws IOException {
			file.position(newPosition);
			return this;
		}

		@Override
		public long size() throws IOException {
			return file.size();
		}

		@Override
		public FileChannel truncate(long size) throws IOException {
			refuseWhenFull();
			file.truncate(size);
			return this;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			refuseWhenFull();
			file.force(metaData);
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return file.tryLock(position, size, shared);
		}

		@Override
		protected void implCloseChannel() throws IOException {
			file.close();
		}
	}
}
