/** Test scores, computed with Tribuo's classification evaluation. */
package dev.graft.core.eval;
