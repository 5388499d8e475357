// Depth-first walk over a comment tree without recursion (hostile JSON can nest arbitrarily
// deep), dropping deleted nodes while keeping their replies attached to the nearest kept ancestor.
import type { Comment } from "../../types.ts";

/** Comments kept per thread: enough for the reaction summary, bounded memory for 5,000-comment threads. */
export const MAX_THREAD_COMMENTS = 2000;

export interface TreeNode<T> {
  raw: T;
  /** Id of the nearest kept ancestor comment, null under the post itself. */
  parentId: string | null;
}

/**
 * Walks `roots` in reading order. `toComment` returns the comment for a node (with parentId
 * filled in from the argument) or null to drop it; `childrenOf` lists a node's replies.
 */
export function walkComments<T>(
  roots: T[],
  toComment: (raw: T, parentId: string | null) => Comment | null,
  childrenOf: (raw: T) => T[],
  max = MAX_THREAD_COMMENTS,
): Comment[] {
  const out: Comment[] = [];
  const stack: TreeNode<T>[] = roots.map((raw) => ({ raw, parentId: null })).reverse();
  const seen = new Set<T>(); // trees fetched item by item can loop back on themselves
  while (stack.length > 0 && out.length < max) {
    const node = stack.pop()!;
    if (seen.has(node.raw)) continue;
    seen.add(node.raw);
    const comment = toComment(node.raw, node.parentId);
    if (comment) out.push(comment);
    const parentId = comment ? comment.id : node.parentId;
    const kids = childrenOf(node.raw);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ raw: kids[i]!, parentId });
  }
  return out;
}
