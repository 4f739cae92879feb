package io.towerline.core.notification;

/** How a message travels. */
public enum Channel {

	/** E-mail over SMTP. */
	EMAIL,

	/** A text message through the tenant's HTTP SMS gateway. */
	SMS,

	/** A signed HTTP POST to an integration's endpoint. */
	WEBHOOK

}
