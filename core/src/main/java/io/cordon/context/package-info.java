/**
 * What every service call carries and every channel builds: the {@link
 * io.cordon.context.RequestContext} (who, how authenticated, from where, through which channel) and
 * the one exception hierarchy that channels translate into their own error forms.
 */
package io.cordon.context;
