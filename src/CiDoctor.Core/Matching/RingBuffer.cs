namespace CiDoctor.Core.Matching;

/// <summary>The last <c>capacity</c> items added, oldest first.</summary>
internal sealed class RingBuffer<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _start;

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            return;
        }
        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
    }

    /// <summary>Item <paramref name="i"/> counted from the oldest.</summary>
    public T this[int i] => _items[(_start + i) % _items.Length];

    public T[] ToArray()
    {
        var array = new T[Count];
        for (int i = 0; i < Count; i++)
        {
            array[i] = this[i];
        }
        return array;
    }
}
