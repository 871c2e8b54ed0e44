using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// A pre-order walk of an operation tree in the order of Roslyn's <c>Descendants</c>, on one list as its stack: Roslyn's
    /// enumerator keeps a pooled builder of child enumerators and was a fifth of the analyzer's time in a warm trace of a
    /// real project.
    /// </summary>
    internal static class OperationTree
    {
        /// <summary>
        /// The first operation under <paramref name="root"/> (and <paramref name="root"/> itself when <paramref name="self"/>)
        /// that matches; null when none. With <paramref name="enter"/>, a child it refuses is skipped with everything under
        /// it (Roslyn builds a body's operations lazily: a subtree not entered is never built).
        /// </summary>
        public static IOperation? First(IOperation root, bool self, Func<IOperation, bool> match, Func<IOperation, bool>? enter = null)
        {
            if (self && match(root))
            {
                return root;
            }

            // One stack per thread, reused; a walk started inside another's match (a lambda's body) takes a new one.
            List<IOperation> stack = _spare ?? new List<IOperation>(64);
            _spare = null;
            try
            {
                PushChildren(stack, root, enter);
                while (stack.Count > 0)
                {
                    IOperation op = stack[stack.Count - 1];
                    stack.RemoveAt(stack.Count - 1);
                    if (match(op))
                    {
                        return op;
                    }

                    PushChildren(stack, op, enter);
                }

                return null;
            }
            finally
            {
                stack.Clear();
                if (stack.Capacity <= 4096)
                {
                    _spare = stack; // a huge body's stack is not kept
                }
            }
        }

        [ThreadStatic]
        private static List<IOperation>? _spare;

        /// <summary>Every operation under <paramref name="root"/> (and <paramref name="root"/> itself when <paramref name="self"/>), in order.</summary>
        public static void Each(IOperation root, bool self, Action<IOperation> visit, Func<IOperation, bool>? enter = null) =>
            First(
                root,
                self,
                op =>
                {
                    visit(op);
                    return false;
                },
                enter);

        private static void PushChildren(List<IOperation> stack, IOperation op, Func<IOperation, bool>? enter)
        {
            int start = stack.Count;
            foreach (IOperation child in op.ChildOperations)
            {
                if (enter == null || enter(child))
                {
                    stack.Add(child);
                }
            }

            stack.Reverse(start, stack.Count - start); // the first child on top
        }
    }
}
