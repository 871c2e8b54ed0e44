using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>Whether a sequence lets go of an item once the caller has moved past it.</summary>
    internal static class LetGo
    {
        /// <summary>Takes the next item, reads the rest, and collects: how many came after it, and whether it is still alive.</summary>
        public static (int After, bool Alive) AfterNext<T>(IEnumerator<T> each)
            where T : class
        {
            WeakReference next = Next(each);
            int rest = 0;
            while (each.MoveNext())
            {
                rest++;
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return (rest, next.IsAlive);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference Next<T>(IEnumerator<T> each)
            where T : class
        {
            Assert.True(each.MoveNext());
            return new WeakReference(each.Current);
        }
    }
}
