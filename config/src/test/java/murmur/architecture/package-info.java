/**
 * Architecture rules shared by every module's tests (published in this module's test jar).
 */
package murmur.architecture;
