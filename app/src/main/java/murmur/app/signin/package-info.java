/**
 * Signing up and signing in: {@link murmur.app.signin.SignInViewModel} runs the account calls off the UI thread and
 * turns failures into words; {@link murmur.app.signin.SignInView} shows the name rules, the errors and a busy
 * indicator while keys are derived and the network is joined.
 */
package murmur.app.signin;
