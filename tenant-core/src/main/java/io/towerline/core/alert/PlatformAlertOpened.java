package io.towerline.core.alert;

/**
 * A platform alert opened (published after its row is written, for whoever notifies the
 * platform's admins; there is no tenant to send a {@code TenantEvent} to).
 *
 * @param alert the alert
 */
public record PlatformAlertOpened(PlatformAlert alert) {

}
