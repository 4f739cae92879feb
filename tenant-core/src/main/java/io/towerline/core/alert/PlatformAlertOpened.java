package io.towerline.core.alert;

/**
 * A platform alert opened (published in the transaction that writes its row; there is no
 * tenant to send a {@code TenantEvent} to). The admins' e-mail does not hang on it:
 * {@link PlatformAlertNotices} reads the row, so a crash before delivery loses nothing.
 *
 * @param alert the alert
 */
record PlatformAlertOpened(PlatformAlert alert) {

}
