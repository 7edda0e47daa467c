package io.charter;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

/** What a test SMTP server (GreenMail) received, by recipient. */
public final class Mailbox {

	private Mailbox() {
	}

	/** The messages received for an address, oldest first. */
	public static List<MimeMessage> to(GreenMail smtp, String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}
}
